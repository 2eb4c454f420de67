/ div keeps the type of x (small integrals give int); mod takes the sign of y
7h div 2
/=> 3i
7.5 div 2
/=> 3f
-7 7 mod 3
/=> 2 1
7 mod -3
/=> -2
