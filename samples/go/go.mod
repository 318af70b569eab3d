module persona/samples/go

go 1.19
