/ {x+y}/ is a plain left fold: unlike sum it does not skip nulls
{x+y}/[1 0n 2]
/=> 0n
sum 1 0n 2
/=> 3f
{x+y}/[1.5 2.5 3]
/=> 7f
