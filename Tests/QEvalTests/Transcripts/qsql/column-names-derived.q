/ unnamed columns take the name of the first argument; repeats get a suffix; else x
t:([]a:1 2;b:10 20)
select a, a, 3*b, b-a, i from t
/=> a a1 x  b  x1
/=> -------------
/=> 1 1  30 9  0
/=> 2 2  60 18 1
