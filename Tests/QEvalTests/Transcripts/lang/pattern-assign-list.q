/ a parenthesised pattern destructures: names take items, an empty slot skips one
(p;q):10 20
p+q
/=> 30
(r;;s):1 2 3
r,s
/=> 1 3
(u;v):1 2 3
/=> 'length
