/ the replacement may be a function of the matched text
ssr["big red dog";"[bd]?g";upper]
/=> "BIG red DOG"
