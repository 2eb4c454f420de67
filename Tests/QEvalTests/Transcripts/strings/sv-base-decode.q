/ a numeric base decodes digits; a vector base is mixed radix
2 sv 1 0 1 1
/=> 11
0 60 60 sv 1 2 3
/=> 3723
