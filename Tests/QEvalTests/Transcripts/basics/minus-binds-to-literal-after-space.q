/ a minus sign right after a noun subtracts; after a space it starts a negative literal
x:5
x-1
/=> 4
x- 1
/=> 4
2 -1
/=> 2 -1
(x)-1
/=> 4
-1+2
/=> 1
