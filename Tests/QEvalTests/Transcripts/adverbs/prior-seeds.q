/ each-prior starts from the primitive's identity; other functions meet a null first
(-':)3 5 10
/=> 3 2 5
(,':)7 8 9
/=> ,7
/=> 8 7
/=> 9 8
{y}':[1 2 3]
/=> 0N 1 2
