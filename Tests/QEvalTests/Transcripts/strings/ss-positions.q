/ ss finds the start of each non-overlapping occurrence
"banana" ss "an"
/=> 1 3
"aaaa" ss "aa"
/=> 0 2
"hello" ss "z"
/=> `long$()
