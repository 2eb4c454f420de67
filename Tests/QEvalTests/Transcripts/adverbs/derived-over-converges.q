/ (,/) iterated with over takes one argument: it converges to a flat list
(,/) over (1;(2;(3;4));5)
/=> 1 2 3 4 5
