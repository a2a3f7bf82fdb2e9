print("verireason")
