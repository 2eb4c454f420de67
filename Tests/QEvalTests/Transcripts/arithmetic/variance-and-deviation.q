/ population and sample statistics ignore nulls
var 1 2 3 4
/=> 1.25
svar 1 2 3 4
/=> 1.666667
dev 1 0n 1
/=> 0f
sdev 2 4 4 4 5 5 7 9
/=> 2.13809
