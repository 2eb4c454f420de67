/ meta: one row per column with its type letter (upper case for a list of vectors)
meta ([]a:`s#1 2;b:`x`y;c:("ab";"cd"))
/=> c| t f a
/=> -| -----
/=> a| j   s
/=> b| s
/=> c| C
