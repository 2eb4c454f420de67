/ a matrix shows its rows as aligned columns of bare items (no type suffix)
(1 2f;3 4f) mmu (5 6f;7 8f)
/=> 19 22
/=> 43 50
1 2 3f mmu 4 5 6f
/=> 32f
first inv (2 0f;0 4f)
/=> 0.5 0
