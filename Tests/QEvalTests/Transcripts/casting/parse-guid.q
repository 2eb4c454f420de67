/ a guid reads its hex form
"G"$"01234567-89ab-cdef-0123-456789abcdef"
/=> 01234567-89ab-cdef-0123-456789abcdef
