import EnPlanDomain
print("enplan")
