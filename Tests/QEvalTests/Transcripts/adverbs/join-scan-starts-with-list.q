/ ,\ starts from an empty list, so every item is a list
(,\)5 6
/=> ,5
/=> 5 6
