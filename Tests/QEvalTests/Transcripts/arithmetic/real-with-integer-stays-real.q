/ a real with any integer type stays real; only a float widens it
type 1e + 2
/=> -8h
type 1e + 2f
/=> -9h
2 3e*4
/=> 8 12e
