/ \P sets how many significant digits floats show
\P 3
2%3
/=> 0.667
\P 7
2%3
/=> 0.6666667
