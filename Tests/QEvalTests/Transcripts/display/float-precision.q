/ floats show 7 significant digits by default; \P changes it, \P 0 shows all 17
1%3
/=> 0.3333333
\P 3
1%3
/=> 0.333
\P 0
0.1+0.2
/=> 0.30000000000000004
\P 7
