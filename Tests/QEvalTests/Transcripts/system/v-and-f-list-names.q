/ \v lists variables, \f functions
x:1
f:{x}
\v
/=> `f`x
\f
/=> ,`f
