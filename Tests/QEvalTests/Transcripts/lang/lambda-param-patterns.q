/ lambda parameters can be patterns, filters or empty (an ignored argument)
{[(a;b);c]a*b+c}[2 3;4]
/=> 14
{[x;]x}[7;8]
/=> 7
{[x:neg]x*2}5
/=> -10
