t:([]a:2 1 2;b:`z`y`x)
`a`b xasc t
/=> a b
/=> ---
/=> 1 y
/=> 2 x
/=> 2 z
`a xdesc t
/=> a b
/=> ---
/=> 2 z
/=> 2 x
/=> 1 y
`b xcols t
/=> b a
/=> ---
/=> z 2
/=> y 1
/=> x 2
