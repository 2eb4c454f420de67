/ `year`mm`dd`hh`uu`ss pick fields of temporal values as ints
`year`mm`dd$2024.03.15
/=> 2024 3 15i
`hh`uu`ss$07:08:09
/=> 7 8 9i
