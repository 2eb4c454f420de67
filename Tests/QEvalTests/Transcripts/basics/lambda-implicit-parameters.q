/ a lambda without a parameter list takes the x, y and z it uses
{x+y}[1;2]
/=> 3
{z}[1;2;3]
/=> 3
f:{[a;b] a*b}
f[3;4]
/=> 12
/ fewer arguments than parameters give a projection
g:f[10]
g 5
/=> 50
