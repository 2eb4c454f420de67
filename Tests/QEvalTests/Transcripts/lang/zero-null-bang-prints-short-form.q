/ 0N!x prints x as -3! shows it and returns x
r:0N!(1 2;`a)
/=> (1 2;`a)
r~(1 2;`a)
/=> 1b
