/**
 * The project's one list of English function words, and the fillers questions are phrased with
 * ("tell me", "I want to know", "sorry", "yes"); contraction tails ("don't" -> "don", "t") too.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ("a about above after all also am an and any are as at be been before being between both but by can could " +
    "did do does doing during each either for from further had has have having he her here hers him his how i " +
    "if in into is it its itself just me more most my no nor not of off on once only or other our ours out over " +
    "own please same she should so some such than that the their them then there these they this those through " +
    "to too under until up us very was we were what when where which while who whom why will with would you your " +
    "yours tell know want need must may might shall many much get gets got getting let hi hello hey thanks " +
    "thank yes yeah ok okay sorry oops wow hmm " +
    "don doesn didn isn aren wasn weren won wouldn shouldn couldn ll re ve").split(" "),
);

/**
 * Words about the document or the asking rather than its subject ("according to the handbook",
 * "explain", "the Benefits pdf"), the interjections of a chat ("ugh", "lol") and its hedges
 * ("pretty sure"): a question phrased with them asks the same as one without.
 */
export const ASKING_WORDS: ReadonlySet<string> = new Set(
  ("according accordance document documents doc docs pdf file files page pages section sections paragraph " +
    "explain explains describe describes summarize summarise summary mention mentions mentioned say says said state " +
    "states stated regarding question questions answer detail details info guidance handbook manual policy policies " +
    "find look show give provide something anything thing things way ways kind sort type types exactly explicitly specifically basically actually " +
    "think thinking wonder wondering curious ugh lol haha omg btw tbh pls plz thx fyi imo idk going " +
    // Hedges: "am I supposed to", "are we meant to", "pretty sure", "do I still need to", "am I out
    // of luck" ask the same without them.
    "supposed meant sure pretty honestly really maybe probably anyway though reckon still luck " +
    // Light verbs, adverbs and pronouns of the telling ("went home", "just found out", "ever since",
    // "the sales guy", "be able to", "a couple hundred bucks"), greetings ("kia ora"): the
    // question asks the same without them, and an index that never writes them held them against it.
    "came come comes coming went goes gone done found saw seen already yet since ever toward towards like " +
    "roughly approximately usually typically almost altogether couple whose able nobody guy guys big hundred thousand bucks quid kia ora gday howdy cheers").split(" "),
);

/**
 * Function words typed without their apostrophe ("dont", "im") or in a chat's shorthand ("bc",
 * "gotta", "u"): the answerer reads them as the stop words they are. Found in no passage, they
 * counted as the question's unknown subject and sank its answer. ("whats", "hows" need no entry:
 * their stems are stop words.) Kept apart from STOPWORDS, which the hashing embedder's version
 * reads (changing it changes every stored vector).
 */
export const UNMARKED_CONTRACTIONS: ReadonlySet<string> = new Set(
  ("dont doesnt didnt isnt arent wasnt werent cant wont wouldnt shouldnt couldnt hasnt havent hadnt " +
    "im ive youre youve theyre theyve weve " +
    "hes hed shes theyd youd gotta gonna wanna bc cuz coz cos tho til u ur ya").split(" "),
);
