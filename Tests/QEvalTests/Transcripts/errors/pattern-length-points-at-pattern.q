/ a pattern of the wrong length points at the pattern
(p;q;):1 2
/=> 'length
/=>   [0]  (p;q;):1 2
/=>        ^
