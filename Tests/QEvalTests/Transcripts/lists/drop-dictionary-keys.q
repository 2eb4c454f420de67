/ a key list drops entries; a count drops from the front
`x`z _ `x`y`z!1 2 3
/=> y| 2
1 _ 10 20!`a`b
/=> 20| b
(`x`y!1 2) _ `x
/=> y| 2
