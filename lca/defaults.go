package lca

import "fmt"

// Default emission factors and their sources.
//
// Electricity: IVL Svenska Miljöinstitutet, "Emissionsfaktor för nordisk elmix år 2021–2023"
// (2025): 59 g CO2e/kWh, the 2021–2023 mean of the Nordic mix (SE, NO, FI, DK) with imports and
// exports. The figure was read in Elektroniktidningen's summary of the report ("Nordisk el 30
// procent mindre fossil på fem år", etn.se, 2025-09-25), not in the report itself. The Nordic mix
// with trade is the system boundary that IVL, on commission from Naturvårdsverket, found best
// represents electricity used in Sweden (IVL/SMED Rapport Nr 4 2021, which gave about
// 90 g CO2e/kWh for its three years). It is an average (accounting) factor, not a marginal one.
//
// Fossil fuels: IPCC 2006 Guidelines for National Greenhouse Gas Inventories, Volume 2 (Energy),
// Chapter 1, Table 1.4, default CO2 emission factors for combustion (the same CO2 defaults are in
// the stationary-combustion tables of Chapter 2), in kg CO2/TJ: natural gas 56,100; gas/diesel oil
// 74,100; motor gasoline 69,300; LPG 63,100; other bituminous coal 94,600. They are CO2 from
// combustion only (no CH4, N2O or upstream supply chain) and per net calorific value, whereas
// EnergyPlus's fuel use is on a higher-heating-value basis (its IDD says boiler efficiency is
// "based on the higher heating value of fuel"), so emissions come out high by the GCV/NCV ratio.
// Naturvårdsverket publishes Swedish national factors yearly ("Genomsnittliga emissionsfaktorer
// för växthusgaser och värmevärden för Sveriges bränsleanvändning"); they were not retrieved here
// and should replace these for Swedish studies.
//
// Electricity price: Konsumenternas Energimarknadsbyrå, "Normal elförbrukning och elkostnad för
// villa" (energimarknadsbyran.se), quoting Statistics Sweden (SCB): on average about 218 öre/kWh in
// the first half of 2023 for households using more than 15,000 kWh a year (a house with electric
// heating, typically 20,000 kWh/year), all included: supply, network charges, energy tax and VAT;
// about 248 öre/kWh in 2022. It is an average price per kWh with the fixed charges spread over the
// use, so it overstates what a saved kWh is worth, and it is VAT-inclusive: enter investment costs
// with VAT too, or replace it.
//
// District heating (hot water): Boverket's klimatdatabas, version 02.07.000 (published
// 2026-01-21), resource 6000000014 "District heating, Swedish average": 0.056 kg CO2e/kWh
// (GWP-GHG AR4; the database gives energy no conservative surcharge). Boverket publishes it for
// the energy used on building sites in climate declarations. It is a national average: each
// network's own factor (Energiföretagen Sverige's Miljövärdering; in 2022 Lund reported 11.1,
// Stockholm 58.2, Göteborg 64.9 and Malmö 119.4 g CO2e/kWh, as tabulated by Malmö stad's
// Miljöbarometern from Energiföretagen's data) is better for a given building, and the source
// text says so.
//
// Left missing, because no citable single value was found: district heating as steam (Swedish
// networks deliver hot water) and district cooling, whose factors are network-specific; Other
// Fuel 1 and 2, which the modeller defines; and every other price, which depends on tariff,
// region, year and VAT treatment.

// kgPerKWhFromKgPerTJ converts an IPCC factor: 1 TJ = 1e12 J and 1 kWh = 3.6e6 J.
func kgPerKWhFromKgPerTJ(kgPerTJ float64) *float64 {
	v := kgPerTJ * 3.6e6 / 1e12
	return &v
}

func ptr(v float64) *float64 { return &v }

const (
	ipccSource = "IPCC 2006 Guidelines for National Greenhouse Gas Inventories, Vol. 2 Energy, Ch. 1 Table 1.4 " +
		"(default CO2 emission factors for combustion): %s. CO2 from combustion only (no CH4, N2O or upstream); " +
		"per net calorific value, while EnergyPlus reports fuel on a higher-heating-value basis, so the result is " +
		"high by the GCV/NCV ratio. Replace with Naturvårdsverket's national factors for Swedish studies."
	noPrice = "No default: prices depend on tariff, region, year and VAT. Enter yours, with VAT treated the same " +
		"way as in the investment costs."
	districtSource = "No default: district heating and cooling factors are network-specific. Enter your network's " +
		"value from Energiföretagen Sverige's Miljövärdering (2022 examples: Lund 11.1, Stockholm 58.2, Göteborg 64.9, " +
		"Malmö 119.4 g CO2e/kWh, per Malmö stad's Miljöbarometern citing Energiföretagen)."
	districtHeatingSource = "Boverket, klimatdatabas version 02.07.000 (2026-01-21), resource 6000000014 \"District heating, " +
		"Swedish average\": 0.056 kg CO2e/kWh (GWP-GHG AR4), the national average Boverket gives for energy in climate " +
		"declarations. Networks differ widely: replace it with your network's value from Energiföretagen Sverige's " +
		"Miljövärdering (2022 examples: Lund 11.1, Stockholm 58.2, Göteborg 64.9, Malmö 119.4 g CO2e/kWh, per Malmö " +
		"stad's Miljöbarometern citing Energiföretagen)."
	otherFuelSource = "No default: Other Fuel 1 and 2 are defined by the modeller. Enter the factor of the fuel you meant."
)

// DefaultSettings are sourced Swedish defaults. Each call returns fresh maps and pointers, so a
// caller can edit its copy freely. Factors without a citable source are left missing (nil).
func DefaultSettings() Settings {
	ipcc := func(kgPerTJ float64, category string) Fuel {
		return Fuel{
			KgCO2ePerKWh: kgPerKWhFromKgPerTJ(kgPerTJ),
			CarbonSource: fmt.Sprintf(ipccSource, category),
			PriceSource:  noPrice,
		}
	}
	missing := func(carbonSource string) Fuel {
		return Fuel{CarbonSource: carbonSource, PriceSource: noPrice}
	}
	return Settings{
		Fuels: map[string]Fuel{
			"Electricity": {
				KgCO2ePerKWh: ptr(0.059),
				CarbonSource: "IVL Svenska Miljöinstitutet, \"Emissionsfaktor för nordisk elmix år 2021–2023\" (2025): " +
					"59 g CO2e/kWh, 2021–2023 mean of the Nordic mix (SE, NO, FI, DK) including imports and exports; " +
					"value as reported by Elektroniktidningen (etn.se, 2025-09-25). Average (accounting) factor, not marginal. " +
					"The earlier IVL/SMED Rapport Nr 4 2021 for Naturvårdsverket gave about 90 g CO2e/kWh.",
				PricePerKWh: ptr(2.18),
				PriceSource: "Konsumenternas Energimarknadsbyrå, \"Normal elförbrukning och elkostnad för villa\" " +
					"(energimarknadsbyran.se), quoting SCB: about 218 öre/kWh on average in the first half of 2023 for households " +
					"using more than 15,000 kWh a year (a house with electric heating), supply, network charges, energy tax and " +
					"25 % VAT included (2022: about 248 öre/kWh). An average price with fixed charges spread per kWh, VAT included: " +
					"enter investment costs with VAT as well, or replace it with your own tariff.",
			},
			"Natural Gas":            ipcc(56100, "natural gas 56,100 kg CO2/TJ"),
			"Fuel Oil No 1":          ipcc(74100, "gas/diesel oil 74,100 kg CO2/TJ (No. 1 fuel oil, a light distillate, taken as gas/diesel oil)"),
			"Fuel Oil No 2":          ipcc(74100, "gas/diesel oil 74,100 kg CO2/TJ (No. 2 heating oil is a diesel-type distillate)"),
			"Diesel":                 ipcc(74100, "gas/diesel oil 74,100 kg CO2/TJ"),
			"Gasoline":               ipcc(69300, "motor gasoline 69,300 kg CO2/TJ"),
			"Propane":                ipcc(63100, "liquefied petroleum gases 63,100 kg CO2/TJ (propane is an LPG)"),
			"Coal":                   ipcc(94600, "other bituminous coal 94,600 kg CO2/TJ (EnergyPlus does not say which coal: bituminous assumed)"),
			"District Heating Water": {KgCO2ePerKWh: ptr(0.056), CarbonSource: districtHeatingSource, PriceSource: noPrice},
			"District Heating Steam": missing(districtSource),
			"District Cooling":       missing(districtSource),
			"Other Fuel 1":           missing(otherFuelSource),
			"Other Fuel 2":           missing(otherFuelSource),
		},
		Currency:             "SEK",
		CurrencySource:       "EPSM default for Swedish studies. Every price and cost must be in this currency: nothing is converted.",
		AnalysisPeriodYears:  50,
		AnalysisPeriodSource: "EPSM default (issue 4): 50 years. Set it to your study's reference period.",
		DiscountRate:         0,
		DiscountRateSource: "EPSM default: undiscounted. A rate you enter is real (today's prices, no energy price escalation); " +
			"the investment is paid at year 0 and each year's energy cost at the end of that year.",
	}
}
