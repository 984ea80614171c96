export function StarterQuestions({ questions, onAsk }: { questions: string[]; onAsk: (q: string) => void }) {
  return (
    <div className="mt-12 flex flex-col items-center gap-6">
      <h2 className="text-center text-xl font-semibold">Ask a question about your company&apos;s policies</h2>
      {questions.length > 0 && (
        <ul aria-label="Suggested questions" className="grid w-full gap-2 sm:grid-cols-2">
          {questions.map((q) => (
            <li key={q}>
              <button
                type="button"
                onClick={() => onAsk(q)}
                className="h-full w-full rounded-lg border border-zinc-300 p-3 text-left text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:hover:bg-zinc-800"
              >
                {q}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
