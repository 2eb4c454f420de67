/ ^ on keyed tables joins them, but nulls in the right keep the left's values
a:([id:1 2] p:10 20;q:`x`y)
b:([id:2 3] p:0N 30;q:`z`)
a^b
/=> id| p  q
/=> --| ----
/=> 1 | 10 x
/=> 2 | 20 z
/=> 3 | 30
