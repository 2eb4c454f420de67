/ a negative base has no digits
-10 vs 5
/=> 'domain
