/ a dictionary of equal-length lists shows its values in aligned columns
`a`bb!(`x`yy`z;1 22 333)
/=> a | x yy z
/=> bb| 1 22 333
/ ragged values show one item a line in their one-line form
`a`b!(1 2;"xyz")
/=> a| 1 2
/=> b| "xyz"
