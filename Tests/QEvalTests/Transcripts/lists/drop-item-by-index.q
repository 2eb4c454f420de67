/ list _ index removes that one item
`a`b`c`d _ 2
/=> `a`b`d
(1;"x";`y) _ 0
/=> "x"
/=> `y
