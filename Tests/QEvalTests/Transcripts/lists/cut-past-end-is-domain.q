0 4_"abc"
/=> 'domain
1 2_"abc"
/=> ,"b"
/=> ,"c"
