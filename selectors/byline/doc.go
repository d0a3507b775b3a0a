// Package byline turns bylines as news sites print them into authors'
// names (Clean): "By Jane Doe and John Roe", "بقلم: محمد العلوي و فاطمة
// الزهراء", "Par Jean Dupont et Marie Curie", "دمشق - رنا الحلبي". Its word
// lists (prefixes, weekdays, job titles, newsroom and agency words, names
// that start with waw) tell a person's name from what surrounds it.
//
// Its functions are pure: they take a string and read no page. It imports
// only the standard library and selectors/internal/pagetext; never package
// selectors or its other rooms (structured, maintext), which find the
// byline on the page and hand its text here.
package byline
