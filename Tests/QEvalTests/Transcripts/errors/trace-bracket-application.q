/ for bracket application the caret is under the applied value
{x+y}[1;2;3]
/=> 'rank
/=>   [0]  {x+y}[1;2;3]
/=>        ^
