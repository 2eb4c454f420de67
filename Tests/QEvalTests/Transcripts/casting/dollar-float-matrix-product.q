/ $ between float vectors is the dot product; with matrices, matrix multiply
1 2f$3 4f
/=> 11f
(1 0f;0 2f)$3 4f
/=> 3 8f
