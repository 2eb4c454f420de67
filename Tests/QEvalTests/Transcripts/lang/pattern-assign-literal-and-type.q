/ literals in a pattern must match; `t checks a type (upper case: a vector of it)
(k;2):1 2
k
/=> 1
(k;2):1 3
/=> 'match
((m;n):`J):5 6
m
/=> 5
(:`f):1
/=> 'type
