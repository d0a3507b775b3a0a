// Package byline turns bylines as news sites print them into what they
// credit (Parse, Clean): the people ("By Jane Doe and John Roe", "بقلم:
// محمد العلوي و فاطمة الزهراء", "Par Jean Dupont et Marie Curie", "دمشق -
// رنا الحلبي") and the organisations beside them or instead of them ("By
// Jane Doe, AP", "By The Associated Press", "La Rédaction"). Its word lists
// (prefixes, weekdays, job titles, degrees, labels, newsroom and agency
// words, names that start with waw) tell a person's name from an
// organisation's and from what surrounds them.
//
// Its functions are pure: they take a string and read no page. It imports
// only the standard library and selectors/internal/pagetext; never package
// selectors or its other rooms (structured, maintext), which find the
// byline on the page and hand its text here.
package byline
