/ a dotted name reads a column of a table or an entry of a dictionary
t:([]a:1 2;b:`x`y)
t.b
/=> `x`y
d:`p`q!10 20
d.q
/=> 20
