/ insert appends to a named table and returns the indices of the new rows
t:([]a:1 2;b:`x`y)
`t insert (3;`z)
/=> ,2
`t insert (4 5;`v`w)
/=> 3 4
count t
/=> 5
`t insert (1.5;`q)
/=> 'type
