/ = and ~ compare floats within a relative 2^-43
(1+1e-14)=1
/=> 1b
(1+1e-10)=1
/=> 0b
1f~1-1e-14
/=> 1b
