// Package dates reads the dates that news pages print: ISO 8601 and RFC 1123
// values of structured data, and the visible text of Arabic, French and
// English sites ("28 يونيو 2023", "٢٨ حزيران ٢٠٢٣", "5 juillet 2023 à 11h20",
// "June 29, 2023 2:35 pm", "منذ 3 ساعات", "il y a 2 jours", "5 hours ago").
//
// Its own token rules cover what go-dateparser misses (Maghreb and Levant
// month names, Eastern Arabic and Persian digits, Arabic relative dates,
// dates inside longer labels); go-dateparser, limited to ar, fr and en, is the
// fallback for short strings. Hijri dates are never taken for Gregorian ones.
//
// A date printed without an offset is read in the site's time zone; a date
// shown only as a day is midnight of that day there; relative dates resolve
// against the time the page was fetched. The package imports only the
// standard library and go-dateparser; it knows nothing of HTML.
package dates
