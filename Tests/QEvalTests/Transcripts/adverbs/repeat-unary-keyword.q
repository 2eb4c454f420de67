/ n f\x repeats a unary function, keywords included
3 enlist\7
/=> 7
/=> ,7
/=> ,,7
/=> ,,,7
