/ a list of atoms joins as one row; a list of lists as several rows
t:([]a:1 2;b:3 4)
t,5 6
/=> a b
/=> ---
/=> 1 3
/=> 2 4
/=> 5 6
t,(7 8;9 10)
/=> a b
/=> ----
/=> 1 3
/=> 2 4
/=> 7 8
/=> 9 10
