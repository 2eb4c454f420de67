/ a table literal displays as aligned columns under a rule
([]a:1 2;b:`x`y)
/=> a b
/=> ---
/=> 1 x
/=> 2 y
