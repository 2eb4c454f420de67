/ q evaluates right to left with no operator precedence
2*3+4
/=> 14
(2*3)+4
/=> 10
