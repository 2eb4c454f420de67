t:([]a:1 2 3;b:`x`y`z)
delete from t where a=2
/=> a b
/=> ---
/=> 1 x
/=> 3 z
delete b from t
/=> a
/=> -
/=> 1
/=> 2
/=> 3
