/** The cookie holding the theme the user chose ("light" or "dark"); absent, the system decides. */
export const THEME_COOKIE = "theme";
