export namespace bbr {
	
	export class CarrierKWh {
	    carrier: string;
	    kWh: number;
	
	    static createFrom(source: any = {}) {
	        return new CarrierKWh(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.carrier = source["carrier"];
	        this.kWh = source["kWh"];
	    }
	}
	export class Delivered {
	    endUse: string;
	    fuel: string;
	    carrier: string;
	    purpose: string;
	    kWh: number;
	
	    static createFrom(source: any = {}) {
	        return new Delivered(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.endUse = source["endUse"];
	        this.fuel = source["fuel"];
	        this.carrier = source["carrier"];
	        this.purpose = source["purpose"];
	        this.kWh = source["kWh"];
	    }
	}
	export class Gap {
	    input: string;
	    where: string;
	    field?: string;
	
	    static createFrom(source: any = {}) {
	        return new Gap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.input = source["input"];
	        this.where = source["where"];
	        this.field = source["field"];
	    }
	}
	export class Figure {
	    value?: number;
	    unit: string;
	    missing?: Gap[];
	
	    static createFrom(source: any = {}) {
	        return new Figure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.unit = source["unit"];
	        this.missing = this.convertValues(source["missing"], Gap);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PurposeKWh {
	    purpose: string;
	    kWh: number;
	
	    static createFrom(source: any = {}) {
	        return new PurposeKWh(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.purpose = source["purpose"];
	        this.kWh = source["kWh"];
	    }
	}
	export class Figures {
	    atemp: Figure;
	    atempFromModel: boolean;
	    atempSource: string;
	    buildingType: string;
	    delivered: Delivered[];
	    byCarrier: CarrierKWh[];
	    byPurpose: PurposeKWh[];
	    primaryEnergyNumber: Figure;
	    requirement: number;
	    energyClass: string;
	    requirementShare: Figure;
	    peakHeating: Figure;
	    peakHeatingPerM2: Figure;
	    peakHeatingDaily: Figure;
	    overheatingThresholdC: number;
	    overheatingHours: Figure;
	    overheatingZone: string;
	    overheatingZoneHours: Figure;
	    overheatingOccupied: boolean;
	    notes?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Figures(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.atemp = this.convertValues(source["atemp"], Figure);
	        this.atempFromModel = source["atempFromModel"];
	        this.atempSource = source["atempSource"];
	        this.buildingType = source["buildingType"];
	        this.delivered = this.convertValues(source["delivered"], Delivered);
	        this.byCarrier = this.convertValues(source["byCarrier"], CarrierKWh);
	        this.byPurpose = this.convertValues(source["byPurpose"], PurposeKWh);
	        this.primaryEnergyNumber = this.convertValues(source["primaryEnergyNumber"], Figure);
	        this.requirement = source["requirement"];
	        this.energyClass = source["energyClass"];
	        this.requirementShare = this.convertValues(source["requirementShare"], Figure);
	        this.peakHeating = this.convertValues(source["peakHeating"], Figure);
	        this.peakHeatingPerM2 = this.convertValues(source["peakHeatingPerM2"], Figure);
	        this.peakHeatingDaily = this.convertValues(source["peakHeatingDaily"], Figure);
	        this.overheatingThresholdC = source["overheatingThresholdC"];
	        this.overheatingHours = this.convertValues(source["overheatingHours"], Figure);
	        this.overheatingZone = source["overheatingZone"];
	        this.overheatingZoneHours = this.convertValues(source["overheatingZoneHours"], Figure);
	        this.overheatingOccupied = source["overheatingOccupied"];
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Mapping {
	    carriers: {[key: string]: string};
	    purposes: {[key: string]: string};
	
	    static createFrom(source: any = {}) {
	        return new Mapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.carriers = source["carriers"];
	        this.purposes = source["purposes"];
	    }
	}
	export class ModelSettings {
	    atempM2?: number;
	    atempSource: string;
	    buildingType: string;
	    mapping: Mapping;
	
	    static createFrom(source: any = {}) {
	        return new ModelSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.atempM2 = source["atempM2"];
	        this.atempSource = source["atempSource"];
	        this.buildingType = source["buildingType"];
	        this.mapping = this.convertValues(source["mapping"], Mapping);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Problem {
	    field: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.message = source["message"];
	    }
	}
	
	export class float64 {
	
	
	    static createFrom(source: any = {}) {
	        return new float64(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	
	    }
	}
	export class Settings {
	    weights: {[key: string]: float64};
	    weightsSource: string;
	    fGeo: number;
	    fGeoSource: string;
	    requirements: {[key: string]: number};
	    requirementsSource: string;
	    overheatingThresholdC: number;
	    overheatingSource: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.weights = source["weights"];
	        this.weightsSource = source["weightsSource"];
	        this.fGeo = source["fGeo"];
	        this.fGeoSource = source["fGeoSource"];
	        this.requirements = source["requirements"];
	        this.requirementsSource = source["requirementsSource"];
	        this.overheatingThresholdC = source["overheatingThresholdC"];
	        this.overheatingSource = source["overheatingSource"];
	    }
	}
	export class Summary {
	    atemp?: number;
	    primaryEnergyNumber?: number;
	    energyClass: string;
	    peakHeatingW?: number;
	    overheatingHours?: number;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.atemp = source["atemp"];
	        this.primaryEnergyNumber = source["primaryEnergyNumber"];
	        this.energyClass = source["energyClass"];
	        this.peakHeatingW = source["peakHeatingW"];
	        this.overheatingHours = source["overheatingHours"];
	    }
	}

}

export namespace cluster {
	
	export class CheckStep {
	    step: string;
	    title: string;
	    state: string;
	    detail: string;
	    kind?: string;
	    millis: number;
	
	    static createFrom(source: any = {}) {
	        return new CheckStep(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.step = source["step"];
	        this.title = source["title"];
	        this.state = source["state"];
	        this.detail = source["detail"];
	        this.kind = source["kind"];
	        this.millis = source["millis"];
	    }
	}

}

export namespace computesvc {
	
	export class CheckEvent {
	    name: string;
	    step: cluster.CheckStep;
	
	    static createFrom(source: any = {}) {
	        return new CheckEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.step = this.convertValues(source["step"], cluster.CheckStep);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TargetForm {
	    kind: string;
	    user: string;
	    host: string;
	    port: number;
	    workDir: string;
	    partition: string;
	    account: string;
	    qos: string;
	    time: string;
	    mem: string;
	    cpus: number;
	    maxParallel: number;
	    engine: string;
	    prelude: string;
	    keep: string;
	
	    static createFrom(source: any = {}) {
	        return new TargetForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.user = source["user"];
	        this.host = source["host"];
	        this.port = source["port"];
	        this.workDir = source["workDir"];
	        this.partition = source["partition"];
	        this.account = source["account"];
	        this.qos = source["qos"];
	        this.time = source["time"];
	        this.mem = source["mem"];
	        this.cpus = source["cpus"];
	        this.maxParallel = source["maxParallel"];
	        this.engine = source["engine"];
	        this.prelude = source["prelude"];
	        this.keep = source["keep"];
	    }
	}
	export class Target {
	    name: string;
	    url: string;
	    form: TargetForm;
	    where: string;
	    checkedAt: string;
	    check: cluster.CheckStep[];
	    checkOk: boolean;
	    checking: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Target(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.url = source["url"];
	        this.form = this.convertValues(source["form"], TargetForm);
	        this.where = source["where"];
	        this.checkedAt = source["checkedAt"];
	        this.check = this.convertValues(source["check"], cluster.CheckStep);
	        this.checkOk = source["checkOk"];
	        this.checking = source["checking"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace desktop {
	
	export enum MenuItem {
	    ImportFiles = "import-files",
	    ExportResults = "export-results",
	    ExportStudy = "export-study",
	    ImportStudy = "import-study",
	    About = "about",
	}
	export class MenuAction {
	    action: MenuItem;
	
	    static createFrom(source: any = {}) {
	        return new MenuAction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.action = source["action"];
	    }
	}
	export class EventPayloads {
	    runProgress: runsvc.RunProgress;
	    runStatus: runsvc.RunStatus;
	    queueState: runner.Snapshot;
	    batchSummary: runsvc.BatchSummary;
	    importReport: importsvc.ImportReport;
	    sourceChanged: importsvc.SourceChanged;
	    menuAction: MenuAction;
	    computeTargets: computesvc.Target[];
	    computeCheck: computesvc.CheckEvent;
	    studyMethod: studysvc.MethodProgress;
	
	    static createFrom(source: any = {}) {
	        return new EventPayloads(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runProgress = this.convertValues(source["runProgress"], runsvc.RunProgress);
	        this.runStatus = this.convertValues(source["runStatus"], runsvc.RunStatus);
	        this.queueState = this.convertValues(source["queueState"], runner.Snapshot);
	        this.batchSummary = this.convertValues(source["batchSummary"], runsvc.BatchSummary);
	        this.importReport = this.convertValues(source["importReport"], importsvc.ImportReport);
	        this.sourceChanged = this.convertValues(source["sourceChanged"], importsvc.SourceChanged);
	        this.menuAction = this.convertValues(source["menuAction"], MenuAction);
	        this.computeTargets = this.convertValues(source["computeTargets"], computesvc.Target);
	        this.computeCheck = this.convertValues(source["computeCheck"], computesvc.CheckEvent);
	        this.studyMethod = this.convertValues(source["studyMethod"], studysvc.MethodProgress);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace eplusout {
	
	export class ErrMessage {
	    kind: string;
	    text: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new ErrMessage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.count = source["count"];
	    }
	}
	export class Meter {
	    name: string;
	    units: string;
	    hours: number;
	
	    static createFrom(source: any = {}) {
	        return new Meter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.units = source["units"];
	        this.hours = source["hours"];
	    }
	}
	export class MeterSeries {
	    name: string;
	    units: string;
	    month: number[];
	    day: number[];
	    hour: number[];
	    values: number[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new MeterSeries(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.units = source["units"];
	        this.month = source["month"];
	        this.day = source["day"];
	        this.hour = source["hour"];
	        this.values = source["values"];
	        this.total = source["total"];
	    }
	}

}

export namespace epw {
	
	export class Location {
	    city: string;
	    state: string;
	    country: string;
	    source: string;
	    wmo: string;
	    latitude: number;
	    longitude: number;
	    timeZone: number;
	    elevation: number;
	
	    static createFrom(source: any = {}) {
	        return new Location(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.city = source["city"];
	        this.state = source["state"];
	        this.country = source["country"];
	        this.source = source["source"];
	        this.wmo = source["wmo"];
	        this.latitude = source["latitude"];
	        this.longitude = source["longitude"];
	        this.timeZone = source["timeZone"];
	        this.elevation = source["elevation"];
	    }
	}
	export class Header {
	    location: Location;
	    dataPeriods: number;
	    recordsPerHour: number;
	    startDayOfWeek: string;
	    periodStart: string;
	    periodEnd: string;
	    comments1: string;
	    comments2: string;
	    dataRows: number;
	    monthlyMeanDryBulb: number[];
	    monthlyDryBulbCount: number[];
	
	    static createFrom(source: any = {}) {
	        return new Header(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.location = this.convertValues(source["location"], Location);
	        this.dataPeriods = source["dataPeriods"];
	        this.recordsPerHour = source["recordsPerHour"];
	        this.startDayOfWeek = source["startDayOfWeek"];
	        this.periodStart = source["periodStart"];
	        this.periodEnd = source["periodEnd"];
	        this.comments1 = source["comments1"];
	        this.comments2 = source["comments2"];
	        this.dataRows = source["dataRows"];
	        this.monthlyMeanDryBulb = source["monthlyMeanDryBulb"];
	        this.monthlyDryBulbCount = source["monthlyDryBulbCount"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace events {
	
	export enum Name {
	    RunProgress = "run:progress",
	    RunStatus = "run:status",
	    QueueState = "queue:state",
	    BatchSummary = "batch:summary",
	    ImportDone = "import:done",
	    SourceChanged = "source:changed",
	    MenuAction = "menu:action",
	    ComputeTargets = "compute:targets",
	    ComputeCheck = "compute:check",
	    StudyMethod = "study:method",
	}

}

export namespace idf {
	
	export class DesignDay {
	    name: string;
	    month: number;
	    day: number;
	
	    static createFrom(source: any = {}) {
	        return new DesignDay(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.month = source["month"];
	        this.day = source["day"];
	    }
	}
	export class Environment {
	    name: string;
	    kind: string;
	    days: number;
	
	    static createFrom(source: any = {}) {
	        return new Environment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.days = source["days"];
	    }
	}
	export class RunPeriod {
	    name: string;
	    beginMonth: number;
	    beginDay: number;
	    endMonth: number;
	    endDay: number;
	    beginYear: number;
	    endYear: number;
	    days: number;
	
	    static createFrom(source: any = {}) {
	        return new RunPeriod(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.beginMonth = source["beginMonth"];
	        this.beginDay = source["beginDay"];
	        this.endMonth = source["endMonth"];
	        this.endDay = source["endDay"];
	        this.beginYear = source["beginYear"];
	        this.endYear = source["endYear"];
	        this.days = source["days"];
	    }
	}
	export class Summary {
	    version: string;
	    buildingName: string;
	    zones: number;
	    zoneNames: string[];
	    runPeriods: RunPeriod[];
	    designDays: DesignDay[];
	    weatherSizingPeriods: Environment[];
	    runSizingPeriods: boolean;
	    runWeatherPeriods: boolean;
	    doZoneSizing: boolean;
	    doSystemSizing: boolean;
	    doPlantSizing: boolean;
	    hasHVACTemplate: boolean;
	    hasSQLiteOutput: boolean;
	    tableStyle: string;
	    annual: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.buildingName = source["buildingName"];
	        this.zones = source["zones"];
	        this.zoneNames = source["zoneNames"];
	        this.runPeriods = this.convertValues(source["runPeriods"], RunPeriod);
	        this.designDays = this.convertValues(source["designDays"], DesignDay);
	        this.weatherSizingPeriods = this.convertValues(source["weatherSizingPeriods"], Environment);
	        this.runSizingPeriods = source["runSizingPeriods"];
	        this.runWeatherPeriods = source["runWeatherPeriods"];
	        this.doZoneSizing = source["doZoneSizing"];
	        this.doSystemSizing = source["doSystemSizing"];
	        this.doPlantSizing = source["doPlantSizing"];
	        this.hasHVACTemplate = source["hasHVACTemplate"];
	        this.hasSQLiteOutput = source["hasSQLiteOutput"];
	        this.tableStyle = source["tableStyle"];
	        this.annual = source["annual"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace idfdiff {
	
	export class Field {
	    index: number;
	    name: string;
	    before: string;
	    after: string;
	    beforeLine: number;
	    afterLine: number;
	
	    static createFrom(source: any = {}) {
	        return new Field(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.name = source["name"];
	        this.before = source["before"];
	        this.after = source["after"];
	        this.beforeLine = source["beforeLine"];
	        this.afterLine = source["afterLine"];
	    }
	}
	export class ObjectChange {
	    kind: string;
	    class: string;
	    name: string;
	    beforeLine: number;
	    afterLine: number;
	    fields: Field[];
	
	    static createFrom(source: any = {}) {
	        return new ObjectChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.class = source["class"];
	        this.name = source["name"];
	        this.beforeLine = source["beforeLine"];
	        this.afterLine = source["afterLine"];
	        this.fields = this.convertValues(source["fields"], Field);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Diff {
	    objects: ObjectChange[];
	    added: number;
	    removed: number;
	    changed: number;
	    fieldsChanged: number;
	
	    static createFrom(source: any = {}) {
	        return new Diff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.objects = this.convertValues(source["objects"], ObjectChange);
	        this.added = source["added"];
	        this.removed = source["removed"];
	        this.changed = source["changed"];
	        this.fieldsChanged = source["fieldsChanged"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Raw {
	    text: string;
	    lines: number;
	    truncated: boolean;
	    allLines: number;
	
	    static createFrom(source: any = {}) {
	        return new Raw(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.lines = source["lines"];
	        this.truncated = source["truncated"];
	        this.allLines = source["allLines"];
	    }
	}

}

export namespace importsvc {
	
	export enum SourceKind {
	    Model = "model",
	    Weather = "weather",
	}
	export class Files {
	    models: store.Model[];
	    weather: store.Weather[];
	
	    static createFrom(source: any = {}) {
	        return new Files(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.models = this.convertValues(source["models"], store.Model);
	        this.weather = this.convertValues(source["weather"], store.Weather);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportError {
	    path: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.message = source["message"];
	    }
	}
	export class ImportReport {
	    models: store.Model[];
	    weather: store.Weather[];
	    duplicates: string[];
	    errors: ImportError[];
	
	    static createFrom(source: any = {}) {
	        return new ImportReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.models = this.convertValues(source["models"], store.Model);
	        this.weather = this.convertValues(source["weather"], store.Weather);
	        this.duplicates = source["duplicates"];
	        this.errors = this.convertValues(source["errors"], ImportError);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReimportResult {
	    import: ImportReport;
	    runs: store.Run[];
	
	    static createFrom(source: any = {}) {
	        return new ReimportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.import = this.convertValues(source["import"], ImportReport);
	        this.runs = this.convertValues(source["runs"], store.Run);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SourceChanged {
	    kind: SourceKind;
	    id: number;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new SourceChanged(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.path = source["path"];
	    }
	}
	export class TransitionOffer {
	    possible: boolean;
	    from: string;
	    to: string;
	    steps: number;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new TransitionOffer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.possible = source["possible"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.steps = source["steps"];
	        this.reason = source["reason"];
	    }
	}

}

export namespace lca {
	
	export enum ReasonCode {
	    Incomplete = "incomplete",
	    ZeroBaseline = "zero-baseline",
	    Baseline = "baseline",
	    NoCostSaving = "no-cost-saving",
	    NoCarbonSaving = "no-carbon-saving",
	    TooLong = "too-long",
	    OutOfRange = "out-of-range",
	}
	export class Amount {
	    value: number;
	    complete: boolean;
	    missing?: string[];
	    assumed?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Amount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.complete = source["complete"];
	        this.missing = source["missing"];
	        this.assumed = source["assumed"];
	    }
	}
	export class Fuel {
	    kgCO2ePerKWh?: number;
	    carbonSource: string;
	    pricePerKWh?: number;
	    priceSource: string;
	
	    static createFrom(source: any = {}) {
	        return new Fuel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kgCO2ePerKWh = source["kgCO2ePerKWh"];
	        this.carbonSource = source["carbonSource"];
	        this.pricePerKWh = source["pricePerKWh"];
	        this.priceSource = source["priceSource"];
	    }
	}
	export class Payback {
	    years?: number;
	    reason?: string;
	    reasonCode?: ReasonCode;
	    complete: boolean;
	    missing?: string[];
	    beyondPeriod: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Payback(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.years = source["years"];
	        this.reason = source["reason"];
	        this.reasonCode = source["reasonCode"];
	        this.complete = source["complete"];
	        this.missing = source["missing"];
	        this.beyondPeriod = source["beyondPeriod"];
	    }
	}
	export class Problem {
	    field: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.message = source["message"];
	    }
	}
	export class Saving {
	    value: number;
	    complete: boolean;
	    missing?: string[];
	    assumed?: string[];
	    percent?: number;
	    percentReason?: string;
	    percentReasonCode?: ReasonCode;
	
	    static createFrom(source: any = {}) {
	        return new Saving(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.complete = source["complete"];
	        this.missing = source["missing"];
	        this.assumed = source["assumed"];
	        this.percent = source["percent"];
	        this.percentReason = source["percentReason"];
	        this.percentReasonCode = source["percentReasonCode"];
	    }
	}
	export class Savings {
	    energyKWh: Saving;
	    operationalKgCO2ePerYear: Saving;
	    energyCostPerYear: Saving;
	    lifeCycleKgCO2e: Saving;
	    lifeCycleCost: Saving;
	
	    static createFrom(source: any = {}) {
	        return new Savings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.energyKWh = this.convertValues(source["energyKWh"], Saving);
	        this.operationalKgCO2ePerYear = this.convertValues(source["operationalKgCO2ePerYear"], Saving);
	        this.energyCostPerYear = this.convertValues(source["energyCostPerYear"], Saving);
	        this.lifeCycleKgCO2e = this.convertValues(source["lifeCycleKgCO2e"], Saving);
	        this.lifeCycleCost = this.convertValues(source["lifeCycleCost"], Saving);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Result {
	    unchanged: boolean;
	    currency: string;
	    analysisPeriodYears: number;
	    discountRate: number;
	    annualEnergyKWh: Amount;
	    operationalKgCO2ePerYear: Amount;
	    operationalKgCO2e: Amount;
	    embodiedKgCO2e: Amount;
	    replacementKgCO2e: Amount;
	    lifeCycleKgCO2e: Amount;
	    energyCostPerYear: Amount;
	    energyCostPresentValue: Amount;
	    investmentCost: Amount;
	    replacementCost: Amount;
	    residualValue: Amount;
	    lifeCycleCost: Amount;
	    savings: Savings;
	    simplePayback: Payback;
	    carbonPayback: Payback;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unchanged = source["unchanged"];
	        this.currency = source["currency"];
	        this.analysisPeriodYears = source["analysisPeriodYears"];
	        this.discountRate = source["discountRate"];
	        this.annualEnergyKWh = this.convertValues(source["annualEnergyKWh"], Amount);
	        this.operationalKgCO2ePerYear = this.convertValues(source["operationalKgCO2ePerYear"], Amount);
	        this.operationalKgCO2e = this.convertValues(source["operationalKgCO2e"], Amount);
	        this.embodiedKgCO2e = this.convertValues(source["embodiedKgCO2e"], Amount);
	        this.replacementKgCO2e = this.convertValues(source["replacementKgCO2e"], Amount);
	        this.lifeCycleKgCO2e = this.convertValues(source["lifeCycleKgCO2e"], Amount);
	        this.energyCostPerYear = this.convertValues(source["energyCostPerYear"], Amount);
	        this.energyCostPresentValue = this.convertValues(source["energyCostPresentValue"], Amount);
	        this.investmentCost = this.convertValues(source["investmentCost"], Amount);
	        this.replacementCost = this.convertValues(source["replacementCost"], Amount);
	        this.residualValue = this.convertValues(source["residualValue"], Amount);
	        this.lifeCycleCost = this.convertValues(source["lifeCycleCost"], Amount);
	        this.savings = this.convertValues(source["savings"], Savings);
	        this.simplePayback = this.convertValues(source["simplePayback"], Payback);
	        this.carbonPayback = this.convertValues(source["carbonPayback"], Payback);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Settings {
	    fuels: {[key: string]: Fuel};
	    currency: string;
	    currencySource: string;
	    analysisPeriodYears: number;
	    analysisPeriodSource: string;
	    discountRate: number;
	    discountRateSource: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fuels = this.convertValues(source["fuels"], Fuel, true);
	        this.currency = source["currency"];
	        this.currencySource = source["currencySource"];
	        this.analysisPeriodYears = source["analysisPeriodYears"];
	        this.analysisPeriodSource = source["analysisPeriodSource"];
	        this.discountRate = source["discountRate"];
	        this.discountRateSource = source["discountRateSource"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace library {
	
	export class Amount {
	    value: number;
	    complete: boolean;
	    missing: string[];
	    assumed?: string[];
	    ranged?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Amount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.complete = source["complete"];
	        this.missing = source["missing"];
	        this.assumed = source["assumed"];
	        this.ranged = source["ranged"];
	    }
	}
	export class Layer {
	    materialId: string;
	    thicknessM: number;
	    existing: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Layer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.materialId = source["materialId"];
	        this.thicknessM = source["thicknessM"];
	        this.existing = source["existing"];
	    }
	}
	export class Construction {
	    id: string;
	    name: string;
	    element: string;
	    layers: Layer[];
	    windowSystemId: string;
	    notes: string;
	    origin: string;
	
	    static createFrom(source: any = {}) {
	        return new Construction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.element = source["element"];
	        this.layers = this.convertValues(source["layers"], Layer);
	        this.windowSystemId = source["windowSystemId"];
	        this.notes = source["notes"];
	        this.origin = source["origin"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LayerFigures {
	    materialId: string;
	    name: string;
	    kind: string;
	    thicknessM: number;
	    r: number;
	    massKgM2?: number;
	    gwp?: number;
	    cost?: number;
	    existing: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LayerFigures(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.materialId = source["materialId"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.thicknessM = source["thicknessM"];
	        this.r = source["r"];
	        this.massKgM2 = source["massKgM2"];
	        this.gwp = source["gwp"];
	        this.cost = source["cost"];
	        this.existing = source["existing"];
	    }
	}
	export class Figures {
	    constructionId: string;
	    element: string;
	    layers: LayerFigures[];
	    heatFlow: string;
	    rsi: number;
	    rse: number;
	    rLayers: number;
	    rTotal: number;
	    u: number;
	    uNoFilms?: number;
	    shgc?: number;
	    visibleTransmittance?: number;
	    uBasis: string;
	    gwpPerM2: Amount;
	    gwpMetric: string;
	    gwpBasis: string;
	    costPerM2: Amount;
	    currency: string;
	
	    static createFrom(source: any = {}) {
	        return new Figures(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.constructionId = source["constructionId"];
	        this.element = source["element"];
	        this.layers = this.convertValues(source["layers"], LayerFigures);
	        this.heatFlow = source["heatFlow"];
	        this.rsi = source["rsi"];
	        this.rse = source["rse"];
	        this.rLayers = source["rLayers"];
	        this.rTotal = source["rTotal"];
	        this.u = source["u"];
	        this.uNoFilms = source["uNoFilms"];
	        this.shgc = source["shgc"];
	        this.visibleTransmittance = source["visibleTransmittance"];
	        this.uBasis = source["uBasis"];
	        this.gwpPerM2 = this.convertValues(source["gwpPerM2"], Amount);
	        this.gwpMetric = source["gwpMetric"];
	        this.gwpBasis = source["gwpBasis"];
	        this.costPerM2 = this.convertValues(source["costPerM2"], Amount);
	        this.currency = source["currency"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Material {
	    id: string;
	    name: string;
	    category: string;
	    kind: string;
	    thicknessM?: number;
	    conductivity?: number;
	    density?: number;
	    specificHeat?: number;
	    thermalResistance?: number;
	    roughness: string;
	    thermalAbsorptance?: number;
	    solarAbsorptance?: number;
	    visibleAbsorptance?: number;
	    thermalSource: string;
	    gwpPerKg?: number;
	    gwpPerM2?: number;
	    gwpMetric: string;
	    gwpSource: string;
	    costPerM2Per100mm?: number;
	    costPerM2?: number;
	    costRange: string;
	    costBasis: string;
	    currency: string;
	    costSource: string;
	    notes: string;
	    origin: string;
	
	    static createFrom(source: any = {}) {
	        return new Material(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.category = source["category"];
	        this.kind = source["kind"];
	        this.thicknessM = source["thicknessM"];
	        this.conductivity = source["conductivity"];
	        this.density = source["density"];
	        this.specificHeat = source["specificHeat"];
	        this.thermalResistance = source["thermalResistance"];
	        this.roughness = source["roughness"];
	        this.thermalAbsorptance = source["thermalAbsorptance"];
	        this.solarAbsorptance = source["solarAbsorptance"];
	        this.visibleAbsorptance = source["visibleAbsorptance"];
	        this.thermalSource = source["thermalSource"];
	        this.gwpPerKg = source["gwpPerKg"];
	        this.gwpPerM2 = source["gwpPerM2"];
	        this.gwpMetric = source["gwpMetric"];
	        this.gwpSource = source["gwpSource"];
	        this.costPerM2Per100mm = source["costPerM2Per100mm"];
	        this.costPerM2 = source["costPerM2"];
	        this.costRange = source["costRange"];
	        this.costBasis = source["costBasis"];
	        this.currency = source["currency"];
	        this.costSource = source["costSource"];
	        this.notes = source["notes"];
	        this.origin = source["origin"];
	    }
	}
	export class Problem {
	    item: string;
	    id: string;
	    field: string;
	    message: string;
	    detail?: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = source["item"];
	        this.id = source["id"];
	        this.field = source["field"];
	        this.message = source["message"];
	        this.detail = source["detail"];
	    }
	}
	export class WindowSystem {
	    id: string;
	    name: string;
	    uFactor?: number;
	    shgc?: number;
	    visibleTransmittance?: number;
	    uBasis: string;
	    source: string;
	    gwpPerM2?: number;
	    gwpBasis: string;
	    gwpSource: string;
	    costPerM2?: number;
	    currency: string;
	    costSource: string;
	    notes: string;
	    origin: string;
	
	    static createFrom(source: any = {}) {
	        return new WindowSystem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.uFactor = source["uFactor"];
	        this.shgc = source["shgc"];
	        this.visibleTransmittance = source["visibleTransmittance"];
	        this.uBasis = source["uBasis"];
	        this.source = source["source"];
	        this.gwpPerM2 = source["gwpPerM2"];
	        this.gwpBasis = source["gwpBasis"];
	        this.gwpSource = source["gwpSource"];
	        this.costPerM2 = source["costPerM2"];
	        this.currency = source["currency"];
	        this.costSource = source["costSource"];
	        this.notes = source["notes"];
	        this.origin = source["origin"];
	    }
	}

}

export namespace librarysvc {
	
	export class ConstructionView {
	    construction: library.Construction;
	    figures?: library.Figures;
	    error?: string;
	    problems?: library.Problem[];
	    unusable?: string;
	
	    static createFrom(source: any = {}) {
	        return new ConstructionView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.construction = this.convertValues(source["construction"], library.Construction);
	        this.figures = this.convertValues(source["figures"], library.Figures);
	        this.error = source["error"];
	        this.problems = this.convertValues(source["problems"], library.Problem);
	        this.unusable = source["unusable"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LibraryView {
	    materials: library.Material[];
	    windows: library.WindowSystem[];
	    constructions: ConstructionView[];
	    problems: library.Problem[];
	    attribution: string;
	
	    static createFrom(source: any = {}) {
	        return new LibraryView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.materials = this.convertValues(source["materials"], library.Material);
	        this.windows = this.convertValues(source["windows"], library.WindowSystem);
	        this.constructions = this.convertValues(source["constructions"], ConstructionView);
	        this.problems = this.convertValues(source["problems"], library.Problem);
	        this.attribution = source["attribution"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace runner {
	
	export class Candidate {
	    path: string;
	    source: string;
	    error?: string;
	
	    static createFrom(source: any = {}) {
	        return new Candidate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.source = source["source"];
	        this.error = source["error"];
	    }
	}
	export class Snapshot {
	    workers: number;
	    paused: boolean;
	    pauseReason: string;
	    queued: number[];
	    running: number[];
	
	    static createFrom(source: any = {}) {
	        return new Snapshot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workers = source["workers"];
	        this.paused = source["paused"];
	        this.pauseReason = source["pauseReason"];
	        this.queued = source["queued"];
	        this.running = source["running"];
	    }
	}

}

export namespace runsvc {
	
	export class ErrorGroup {
	    status: sim.Status;
	    kind: sim.FailureKind;
	    headline: string;
	    runIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new ErrorGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.kind = source["kind"];
	        this.headline = source["headline"];
	        this.runIds = source["runIds"];
	    }
	}
	export class BatchSummary {
	    batch: store.Batch;
	    total: number;
	    byStatus: {[key: string]: number};
	    finished: number;
	    failed: number;
	    cached: number;
	    percent: number;
	    etaSeconds: number;
	    hasEta: boolean;
	    errors: ErrorGroup[];
	    warnings: number;
	    severe: number;
	    elapsedSeconds: number;
	    running: number;
	    queued: number;
	    workers: number;
	    paused: boolean;
	    runIds: number[];
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new BatchSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batch = this.convertValues(source["batch"], store.Batch);
	        this.total = source["total"];
	        this.byStatus = source["byStatus"];
	        this.finished = source["finished"];
	        this.failed = source["failed"];
	        this.cached = source["cached"];
	        this.percent = source["percent"];
	        this.etaSeconds = source["etaSeconds"];
	        this.hasEta = source["hasEta"];
	        this.errors = this.convertValues(source["errors"], ErrorGroup);
	        this.warnings = source["warnings"];
	        this.severe = source["severe"];
	        this.elapsedSeconds = source["elapsedSeconds"];
	        this.running = source["running"];
	        this.queued = source["queued"];
	        this.workers = source["workers"];
	        this.paused = source["paused"];
	        this.runIds = source["runIds"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class FacilityMeter {
	    name: string;
	    monthly: number[];
	    peakKW?: number;
	
	    static createFrom(source: any = {}) {
	        return new FacilityMeter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.monthly = source["monthly"];
	        this.peakKW = source["peakKW"];
	    }
	}
	export class MonthlyEnergy {
	    meters: FacilityMeter[];
	    total: number[];
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new MonthlyEnergy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.meters = this.convertValues(source["meters"], FacilityMeter);
	        this.total = source["total"];
	        this.reason = source["reason"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Overview {
	    runs: store.Run[];
	    batches: BatchSummary[];
	    queue: runner.Snapshot;
	
	    static createFrom(source: any = {}) {
	        return new Overview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runs = this.convertValues(source["runs"], store.Run);
	        this.batches = this.convertValues(source["batches"], BatchSummary);
	        this.queue = this.convertValues(source["queue"], runner.Snapshot);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RunMessages {
	    messages: eplusout.ErrMessage[];
	    truncated: boolean;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new RunMessages(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.messages = this.convertValues(source["messages"], eplusout.ErrMessage);
	        this.truncated = source["truncated"];
	        this.reason = source["reason"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RunDetails {
	    run: store.Run;
	    results?: sim.Results;
	    swedish?: bbr.Figures;
	
	    static createFrom(source: any = {}) {
	        return new RunDetails(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.run = this.convertValues(source["run"], store.Run);
	        this.results = this.convertValues(source["results"], sim.Results);
	        this.swedish = this.convertValues(source["swedish"], bbr.Figures);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RunSide {
	    details: RunDetails;
	    monthly: MonthlyEnergy;
	    messages: RunMessages;
	
	    static createFrom(source: any = {}) {
	        return new RunSide(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.details = this.convertValues(source["details"], RunDetails);
	        this.monthly = this.convertValues(source["monthly"], MonthlyEnergy);
	        this.messages = this.convertValues(source["messages"], RunMessages);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RunComparison {
	    a: RunSide;
	    b: RunSide;
	
	    static createFrom(source: any = {}) {
	        return new RunComparison(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.a = this.convertValues(source["a"], RunSide);
	        this.b = this.convertValues(source["b"], RunSide);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class RunMeters {
	    runId: number;
	    meters: eplusout.Meter[];
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new RunMeters(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runId = source["runId"];
	        this.meters = this.convertValues(source["meters"], eplusout.Meter);
	        this.reason = source["reason"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RunProgress {
	    runId: number;
	    status: sim.Status;
	    progress: sim.Progress;
	    warnings: number;
	    severe: number;
	    lastLine: string;
	
	    static createFrom(source: any = {}) {
	        return new RunProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runId = source["runId"];
	        this.status = source["status"];
	        this.progress = this.convertValues(source["progress"], sim.Progress);
	        this.warnings = source["warnings"];
	        this.severe = source["severe"];
	        this.lastLine = source["lastLine"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RunRequest {
	    modelIds: number[];
	    weatherId: number;
	    weatherIds: number[];
	    forceAnnual: boolean;
	    designDaysOnly: boolean;
	    force: boolean;
	    name: string;
	    target?: string;
	    keepAll?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RunRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.modelIds = source["modelIds"];
	        this.weatherId = source["weatherId"];
	        this.weatherIds = source["weatherIds"];
	        this.forceAnnual = source["forceAnnual"];
	        this.designDaysOnly = source["designDaysOnly"];
	        this.force = source["force"];
	        this.name = source["name"];
	        this.target = source["target"];
	        this.keepAll = source["keepAll"];
	    }
	}
	
	export class RunStatus {
	    run: store.Run;
	
	    static createFrom(source: any = {}) {
	        return new RunStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.run = this.convertValues(source["run"], store.Run);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace settingsvc {
	
	export class Dependency {
	    path: string;
	    version: string;
	
	    static createFrom(source: any = {}) {
	        return new Dependency(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.version = source["version"];
	    }
	}
	export class About {
	    app: string;
	    version: string;
	    commit: string;
	    commitDate: string;
	    engineVersion: string;
	    enginePath: string;
	    libraryVersion: string;
	    libraryItems: number;
	    dataDir: string;
	    go: string;
	    os: string;
	    dependencies: Dependency[];
	
	    static createFrom(source: any = {}) {
	        return new About(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.app = source["app"];
	        this.version = source["version"];
	        this.commit = source["commit"];
	        this.commitDate = source["commitDate"];
	        this.engineVersion = source["engineVersion"];
	        this.enginePath = source["enginePath"];
	        this.libraryVersion = source["libraryVersion"];
	        this.libraryItems = source["libraryItems"];
	        this.dataDir = source["dataDir"];
	        this.go = source["go"];
	        this.os = source["os"];
	        this.dependencies = this.convertValues(source["dependencies"], Dependency);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class QueueLimits {
	    workers: number;
	    timeoutMinutes: number;
	    stallSeconds: number;
	
	    static createFrom(source: any = {}) {
	        return new QueueLimits(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workers = source["workers"];
	        this.timeoutMinutes = source["timeoutMinutes"];
	        this.stallSeconds = source["stallSeconds"];
	    }
	}
	export class EngineStatus {
	    engine?: sim.Engine;
	    engines: sim.Engine[];
	    candidates: runner.Candidate[];
	    help: string;
	
	    static createFrom(source: any = {}) {
	        return new EngineStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.engine = this.convertValues(source["engine"], sim.Engine);
	        this.engines = this.convertValues(source["engines"], sim.Engine);
	        this.candidates = this.convertValues(source["candidates"], runner.Candidate);
	        this.help = source["help"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Current {
	    dataDir: string;
	    engine: EngineStatus;
	    queue: QueueLimits;
	
	    static createFrom(source: any = {}) {
	        return new Current(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dataDir = source["dataDir"];
	        this.engine = this.convertValues(source["engine"], EngineStatus);
	        this.queue = this.convertValues(source["queue"], QueueLimits);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DataFolder {
	    path: string;
	    sizeBytes: number;
	    files: number;
	    runs: number;
	    error?: string;
	
	    static createFrom(source: any = {}) {
	        return new DataFolder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.sizeBytes = source["sizeBytes"];
	        this.files = source["files"];
	        this.runs = source["runs"];
	        this.error = source["error"];
	    }
	}
	
	
	export class FreeRequest {
	    studyId: number;
	    batchId: number;
	    olderThanDays: number;
	    keepReports: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FreeRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.studyId = source["studyId"];
	        this.batchId = source["batchId"];
	        this.olderThanDays = source["olderThanDays"];
	        this.keepReports = source["keepReports"];
	    }
	}
	export class Freed {
	    runs: number;
	    bytes: number;
	
	    static createFrom(source: any = {}) {
	        return new Freed(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runs = source["runs"];
	        this.bytes = source["bytes"];
	    }
	}
	export class StorageGroup {
	    kind: string;
	    id: number;
	    batchId: number;
	    name: string;
	    runs: number;
	    bytes: number;
	    full: number;
	    trimmed: number;
	    freed: number;
	    newest: string;
	
	    static createFrom(source: any = {}) {
	        return new StorageGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.batchId = source["batchId"];
	        this.name = source["name"];
	        this.runs = source["runs"];
	        this.bytes = source["bytes"];
	        this.full = source["full"];
	        this.trimmed = source["trimmed"];
	        this.freed = source["freed"];
	        this.newest = source["newest"];
	    }
	}
	export class Storage {
	    runBytes: number;
	    otherBytes: number;
	    groups: StorageGroup[];
	
	    static createFrom(source: any = {}) {
	        return new Storage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runBytes = source["runBytes"];
	        this.otherBytes = source["otherBytes"];
	        this.groups = this.convertValues(source["groups"], StorageGroup);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FreedStorage {
	    freed: Freed;
	    storage: Storage;
	
	    static createFrom(source: any = {}) {
	        return new FreedStorage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.freed = this.convertValues(source["freed"], Freed);
	        this.storage = this.convertValues(source["storage"], Storage);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ModelSettingsView {
	    modelId: number;
	    settings: bbr.ModelSettings;
	    mapping: bbr.Mapping;
	    endUses: string[];
	    fuels: string[];
	    carriers: string[];
	    purposes: string[];
	    buildingTypes: string[];
	
	    static createFrom(source: any = {}) {
	        return new ModelSettingsView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.modelId = source["modelId"];
	        this.settings = this.convertValues(source["settings"], bbr.ModelSettings);
	        this.mapping = this.convertValues(source["mapping"], bbr.Mapping);
	        this.endUses = source["endUses"];
	        this.fuels = source["fuels"];
	        this.carriers = source["carriers"];
	        this.purposes = source["purposes"];
	        this.buildingTypes = source["buildingTypes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	

}

export namespace sim {
	
	export enum Status {
	    Queued = "queued",
	    Preparing = "preparing",
	    Running = "running",
	    Collecting = "collecting",
	    Succeeded = "succeeded",
	    SucceededSevere = "succeeded-with-severe",
	    Fatal = "fatal",
	    Crashed = "crashed",
	    Hung = "hung",
	    TimedOut = "timed-out",
	    Cancelled = "cancelled",
	    InputError = "input-error",
	}
	export enum FailureKind {
	    None = "",
	    DiskFull = "disk-full",
	    EngineMissing = "engine-missing",
	    VersionMismatch = "version-mismatch",
	    InputError = "input-error",
	    ModelFatal = "model-fatal",
	    SevereErrors = "severe-errors",
	    EngineCrash = "engine-crash",
	    TimeLimit = "time-limit",
	    Stalled = "stalled",
	    Cancelled = "cancelled",
	    ResultsUnreadable = "results-unreadable",
	    TargetFailed = "target-failed",
	}
	export class EndUse {
	    endUse: string;
	    fuel: string;
	    kWh: number;
	
	    static createFrom(source: any = {}) {
	        return new EndUse(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.endUse = source["endUse"];
	        this.fuel = source["fuel"];
	        this.kWh = source["kWh"];
	    }
	}
	export class Engine {
	    path: string;
	    version: string;
	    build: string;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new Engine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.version = source["version"];
	        this.build = source["build"];
	        this.source = source["source"];
	    }
	}
	export class Progress {
	    percent: number;
	    phase: string;
	    environment: string;
	    simDate: string;
	    daysDone: number;
	    totalDays: number;
	
	    static createFrom(source: any = {}) {
	        return new Progress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.percent = source["percent"];
	        this.phase = source["phase"];
	        this.environment = source["environment"];
	        this.simDate = source["simDate"];
	        this.daysDone = source["daysDone"];
	        this.totalDays = source["totalDays"];
	    }
	}
	export class ZoneTemperatures {
	    zone: string;
	    occupied: boolean;
	    hours: number;
	    above: number[];
	
	    static createFrom(source: any = {}) {
	        return new ZoneTemperatures(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.zone = source["zone"];
	        this.occupied = source["occupied"];
	        this.hours = source["hours"];
	        this.above = source["above"];
	    }
	}
	export class Results {
	    totalSiteKWh: number;
	    netSiteKWh: number;
	    totalSourceKWh: number;
	    totalAreaM2: number;
	    conditionedAreaM2: number;
	    euiKWhPerM2: number;
	    unmetHeatingHours: number;
	    unmetCoolingHours: number;
	    endUses: EndUse[];
	    peakHeatingW?: number;
	    peakHeatingDailyW?: number;
	    zones?: ZoneTemperatures[];
	
	    static createFrom(source: any = {}) {
	        return new Results(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.totalSiteKWh = source["totalSiteKWh"];
	        this.netSiteKWh = source["netSiteKWh"];
	        this.totalSourceKWh = source["totalSourceKWh"];
	        this.totalAreaM2 = source["totalAreaM2"];
	        this.conditionedAreaM2 = source["conditionedAreaM2"];
	        this.euiKWhPerM2 = source["euiKWhPerM2"];
	        this.unmetHeatingHours = source["unmetHeatingHours"];
	        this.unmetCoolingHours = source["unmetCoolingHours"];
	        this.endUses = this.convertValues(source["endUses"], EndUse);
	        this.peakHeatingW = source["peakHeatingW"];
	        this.peakHeatingDailyW = source["peakHeatingDailyW"];
	        this.zones = this.convertValues(source["zones"], ZoneTemperatures);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace store {
	
	export class Batch {
	    id: number;
	    name: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Batch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class Model {
	    id: number;
	    name: string;
	    sha256: string;
	    originalPath: string;
	    storedPath: string;
	    sizeBytes: number;
	    importedAt: string;
	    summary: idf.Summary;
	    sourceChangedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Model(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.sha256 = source["sha256"];
	        this.originalPath = source["originalPath"];
	        this.storedPath = source["storedPath"];
	        this.sizeBytes = source["sizeBytes"];
	        this.importedAt = source["importedAt"];
	        this.summary = this.convertValues(source["summary"], idf.Summary);
	        this.sourceChangedAt = source["sourceChangedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Run {
	    id: number;
	    modelId: number;
	    weatherId: number;
	    modelName: string;
	    weatherName: string;
	    forceAnnual: boolean;
	    designDaysOnly: boolean;
	    enginePath: string;
	    engineVersion: string;
	    modelVersion: string;
	    status: sim.Status;
	    progress: sim.Progress;
	    kind: sim.FailureKind;
	    message: string;
	    firstSevere: string;
	    headline: string;
	    lastSevere: string;
	    warnings: number;
	    severe: number;
	    exitCode?: number;
	    signal: string;
	    dir: string;
	    createdAt: string;
	    startedAt: string;
	    endedAt: string;
	    elapsedSeconds: number;
	    hasResults: boolean;
	    batchId: number;
	    cacheKey: string;
	    cachedFrom: number;
	    versionWarning: string;
	    modelChanged: boolean;
	    outputs: string;
	    figures?: bbr.Summary;
	
	    static createFrom(source: any = {}) {
	        return new Run(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.modelId = source["modelId"];
	        this.weatherId = source["weatherId"];
	        this.modelName = source["modelName"];
	        this.weatherName = source["weatherName"];
	        this.forceAnnual = source["forceAnnual"];
	        this.designDaysOnly = source["designDaysOnly"];
	        this.enginePath = source["enginePath"];
	        this.engineVersion = source["engineVersion"];
	        this.modelVersion = source["modelVersion"];
	        this.status = source["status"];
	        this.progress = this.convertValues(source["progress"], sim.Progress);
	        this.kind = source["kind"];
	        this.message = source["message"];
	        this.firstSevere = source["firstSevere"];
	        this.headline = source["headline"];
	        this.lastSevere = source["lastSevere"];
	        this.warnings = source["warnings"];
	        this.severe = source["severe"];
	        this.exitCode = source["exitCode"];
	        this.signal = source["signal"];
	        this.dir = source["dir"];
	        this.createdAt = source["createdAt"];
	        this.startedAt = source["startedAt"];
	        this.endedAt = source["endedAt"];
	        this.elapsedSeconds = source["elapsedSeconds"];
	        this.hasResults = source["hasResults"];
	        this.batchId = source["batchId"];
	        this.cacheKey = source["cacheKey"];
	        this.cachedFrom = source["cachedFrom"];
	        this.versionWarning = source["versionWarning"];
	        this.modelChanged = source["modelChanged"];
	        this.outputs = source["outputs"];
	        this.figures = this.convertValues(source["figures"], bbr.Summary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Study {
	    id: number;
	    name: string;
	    specJson: string;
	    baseModelId: number;
	    batchId: number;
	    batchIds?: number[];
	    createdAt: string;
	    methodJson?: string;
	
	    static createFrom(source: any = {}) {
	        return new Study(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.specJson = source["specJson"];
	        this.baseModelId = source["baseModelId"];
	        this.batchId = source["batchId"];
	        this.batchIds = source["batchIds"];
	        this.createdAt = source["createdAt"];
	        this.methodJson = source["methodJson"];
	    }
	}
	export class Weather {
	    id: number;
	    name: string;
	    sha256: string;
	    originalPath: string;
	    storedPath: string;
	    sizeBytes: number;
	    importedAt: string;
	    header: epw.Header;
	    sourceChangedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Weather(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.sha256 = source["sha256"];
	        this.originalPath = source["originalPath"];
	        this.storedPath = source["storedPath"];
	        this.sizeBytes = source["sizeBytes"];
	        this.importedAt = source["importedAt"];
	        this.header = this.convertValues(source["header"], epw.Header);
	        this.sourceChangedAt = source["sourceChangedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace study {
	
	export class Bounds {
	    min: number;
	    max: number;
	
	    static createFrom(source: any = {}) {
	        return new Bounds(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.min = source["min"];
	        this.max = source["max"];
	    }
	}
	export class Axis {
	    key: string;
	    label: string;
	    measure: boolean;
	    options?: string[];
	    continuous?: Bounds;
	
	    static createFrom(source: any = {}) {
	        return new Axis(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.measure = source["measure"];
	        this.options = source["options"];
	        this.continuous = this.convertValues(source["continuous"], Bounds);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Constraint {
	    figure: string;
	    max: number;
	
	    static createFrom(source: any = {}) {
	        return new Constraint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.figure = source["figure"];
	        this.max = source["max"];
	    }
	}
	export class FieldRef {
	    class: string;
	    name?: string;
	    field: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.class = source["class"];
	        this.name = source["name"];
	        this.field = source["field"];
	    }
	}
	export class Figure {
	    id: string;
	    name: string;
	    unit: string;
	
	    static createFrom(source: any = {}) {
	        return new Figure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.unit = source["unit"];
	    }
	}
	export class Range {
	    from: number;
	    to: number;
	    step: number;
	
	    static createFrom(source: any = {}) {
	        return new Range(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.step = source["step"];
	    }
	}
	export class Option {
	    values: string[];
	    label?: string;
	    investment?: number;
	    gwpKgCO2e?: number;
	    lifeYears?: number;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.values = source["values"];
	        this.label = source["label"];
	        this.investment = source["investment"];
	        this.gwpKgCO2e = source["gwpKgCO2e"];
	        this.lifeYears = source["lifeYears"];
	    }
	}
	export class Measure {
	    id: string;
	    name?: string;
	    template?: string;
	    fields?: FieldRef[];
	    values?: Option[];
	    range?: Range;
	    continuous?: Bounds;
	    keep?: boolean;
	    per?: string;
	    investment?: number;
	    gwpKgCO2e?: number;
	    lifeYears?: number;
	
	    static createFrom(source: any = {}) {
	        return new Measure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.template = source["template"];
	        this.fields = this.convertValues(source["fields"], FieldRef);
	        this.values = this.convertValues(source["values"], Option);
	        this.range = this.convertValues(source["range"], Range);
	        this.continuous = this.convertValues(source["continuous"], Bounds);
	        this.keep = source["keep"];
	        this.per = source["per"];
	        this.investment = source["investment"];
	        this.gwpKgCO2e = source["gwpKgCO2e"];
	        this.lifeYears = source["lifeYears"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Method {
	    kind: string;
	    objectives: string[];
	    constraints?: Constraint[];
	    weather?: string;
	    population?: number;
	    generations?: number;
	    trajectories?: number;
	    levels?: number;
	    samples?: number;
	    seed?: number;
	
	    static createFrom(source: any = {}) {
	        return new Method(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.objectives = source["objectives"];
	        this.constraints = this.convertValues(source["constraints"], Constraint);
	        this.weather = source["weather"];
	        this.population = source["population"];
	        this.generations = source["generations"];
	        this.trajectories = source["trajectories"];
	        this.levels = source["levels"];
	        this.samples = source["samples"];
	        this.seed = source["seed"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Sampling {
	    mode: string;
	    n: number;
	    seed: number;
	    packages: Record<string, string>[];
	
	    static createFrom(source: any = {}) {
	        return new Sampling(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.n = source["n"];
	        this.seed = source["seed"];
	        this.packages = source["packages"];
	    }
	}
	export class Spec {
	    name: string;
	    model: string;
	    modelId: number;
	    weather: string[];
	    weatherIds: number[];
	    options: {[key: string]: string[]};
	    measures?: Measure[];
	    sampling: Sampling;
	    method?: Method;
	    forceAnnual: boolean;
	    designDaysOnly: boolean;
	    keepAllOutputs?: boolean;
	    modelSettings?: bbr.ModelSettings;
	    costRanges?: string;
	
	    static createFrom(source: any = {}) {
	        return new Spec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.model = source["model"];
	        this.modelId = source["modelId"];
	        this.weather = source["weather"];
	        this.weatherIds = source["weatherIds"];
	        this.options = source["options"];
	        this.measures = this.convertValues(source["measures"], Measure);
	        this.sampling = this.convertValues(source["sampling"], Sampling);
	        this.method = this.convertValues(source["method"], Method);
	        this.forceAnnual = source["forceAnnual"];
	        this.designDaysOnly = source["designDaysOnly"];
	        this.keepAllOutputs = source["keepAllOutputs"];
	        this.modelSettings = this.convertValues(source["modelSettings"], bbr.ModelSettings);
	        this.costRanges = source["costRanges"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TemplateValue {
	    name: string;
	    unit: string;
	    min?: number;
	    max?: number;
	
	    static createFrom(source: any = {}) {
	        return new TemplateValue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.unit = source["unit"];
	        this.min = source["min"];
	        this.max = source["max"];
	    }
	}
	export class TemplateFit {
	    id: string;
	    name: string;
	    description: string;
	    values: TemplateValue[];
	    per: string;
	    suggested: Option[];
	    applies: boolean;
	    reason?: string;
	
	    static createFrom(source: any = {}) {
	        return new TemplateFit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.values = this.convertValues(source["values"], TemplateValue);
	        this.per = source["per"];
	        this.suggested = this.convertValues(source["suggested"], Option);
	        this.applies = source["applies"];
	        this.reason = source["reason"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace studysvc {
	
	export class Effect {
	    factor: string;
	    mu?: number;
	    muStar?: number;
	    sigma?: number;
	    effects: number;
	    dropped: number;
	
	    static createFrom(source: any = {}) {
	        return new Effect(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.factor = source["factor"];
	        this.mu = source["mu"];
	        this.muStar = source["muStar"];
	        this.sigma = source["sigma"];
	        this.effects = source["effects"];
	        this.dropped = source["dropped"];
	    }
	}
	export class LibraryImportNote {
	    kind: string;
	    id: string;
	    newId?: string;
	    outcome: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new LibraryImportNote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.newId = source["newId"];
	        this.outcome = source["outcome"];
	        this.message = source["message"];
	    }
	}
	export class MethodProgress {
	    studyId: number;
	    kind: string;
	    status: string;
	    message?: string;
	    generation: number;
	    generations: number;
	    variants: number;
	
	    static createFrom(source: any = {}) {
	        return new MethodProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.studyId = source["studyId"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.message = source["message"];
	        this.generation = source["generation"];
	        this.generations = source["generations"];
	        this.variants = source["variants"];
	    }
	}
	export class SobolIndex {
	    factor: string;
	    s1?: number;
	    st?: number;
	    s1Conf?: number;
	    stConf?: number;
	    rows: number;
	    dropped: number;
	
	    static createFrom(source: any = {}) {
	        return new SobolIndex(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.factor = source["factor"];
	        this.s1 = source["s1"];
	        this.st = source["st"];
	        this.s1Conf = source["s1Conf"];
	        this.stConf = source["stConf"];
	        this.rows = source["rows"];
	        this.dropped = source["dropped"];
	    }
	}
	export class Sensitivity {
	    objective: study.Figure;
	    indices: SobolIndex[];
	    summary: string;
	    missing: number;
	    why?: string;
	
	    static createFrom(source: any = {}) {
	        return new Sensitivity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.objective = this.convertValues(source["objective"], study.Figure);
	        this.indices = this.convertValues(source["indices"], SobolIndex);
	        this.summary = source["summary"];
	        this.missing = source["missing"];
	        this.why = source["why"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Screening {
	    objective: study.Figure;
	    effects: Effect[];
	    summary: string;
	    missing: number;
	    why?: string;
	
	    static createFrom(source: any = {}) {
	        return new Screening(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.objective = this.convertValues(source["objective"], study.Figure);
	        this.effects = this.convertValues(source["effects"], Effect);
	        this.summary = source["summary"];
	        this.missing = source["missing"];
	        this.why = source["why"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MethodView {
	    studyId: number;
	    kind: string;
	    status: string;
	    message?: string;
	    generation: number;
	    generations: number;
	    variants: number;
	    objectives: study.Figure[];
	    weather: string;
	    axes: study.Axis[];
	    fronts?: string[][];
	    generationOf?: {[key: string]: number};
	    screening?: Screening[];
	    indices?: Sensitivity[];
	
	    static createFrom(source: any = {}) {
	        return new MethodView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.studyId = source["studyId"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.message = source["message"];
	        this.generation = source["generation"];
	        this.generations = source["generations"];
	        this.variants = source["variants"];
	        this.objectives = this.convertValues(source["objectives"], study.Figure);
	        this.weather = source["weather"];
	        this.axes = this.convertValues(source["axes"], study.Axis);
	        this.fronts = source["fronts"];
	        this.generationOf = source["generationOf"];
	        this.screening = this.convertValues(source["screening"], Screening);
	        this.indices = this.convertValues(source["indices"], Sensitivity);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class PaybackColumn {
	    years: number[];
	    reason: number[];
	    reasonCode: string[];
	    complete: boolean[];
	    missing: number[][];
	    beyondPeriod: boolean[];
	
	    static createFrom(source: any = {}) {
	        return new PaybackColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.years = source["years"];
	        this.reason = source["reason"];
	        this.reasonCode = source["reasonCode"];
	        this.complete = source["complete"];
	        this.missing = source["missing"];
	        this.beyondPeriod = source["beyondPeriod"];
	    }
	}
	export class AmountColumn {
	    value: number[];
	    complete: boolean[];
	    missing: number[][];
	    assumed: number[][];
	
	    static createFrom(source: any = {}) {
	        return new AmountColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.complete = source["complete"];
	        this.missing = source["missing"];
	        this.assumed = source["assumed"];
	    }
	}
	export class StudyColumns {
	    study: store.Study;
	    settings: lca.Settings;
	    swedish: bbr.Settings;
	    finished: number;
	    total: number;
	    rows: number;
	    allRows: number;
	    texts: string[];
	    fuelsUsed: string[];
	    weatherNames: {[key: number]: string};
	    variantId: number[];
	    key: string[];
	    label: string[];
	    name: string[];
	    elements: string[];
	    choices: number[][];
	    areas: {[key: string]: []};
	    measureIds: string[];
	    measureNames: string[];
	    measureChoices: number[][];
	    baseline: boolean[];
	    weatherId: number[];
	    runId: number[];
	    status: string[];
	    kind: string[];
	    message: number[];
	    headline: number[];
	    cached: boolean[];
	    hasResults: boolean[];
	    totalSiteKWh: number[];
	    netSiteKWh: number[];
	    totalSourceKWh: number[];
	    totalAreaM2: number[];
	    conditionedAreaM2: number[];
	    euiKWhPerM2: number[];
	    unmetHeatingHours: number[];
	    unmetCoolingHours: number[];
	    atemp: number[];
	    primaryEnergyNumber: number[];
	    energyClass: string[];
	    peakHeatingW: number[];
	    overheatingHours: number[];
	    hasLca: boolean[];
	    unchanged: boolean[];
	    amounts: {[key: string]: AmountColumn};
	    paybacks: {[key: string]: PaybackColumn};
	    paretoCarbonCost: boolean[];
	    paretoEnergyEmbodied: boolean[];
	
	    static createFrom(source: any = {}) {
	        return new StudyColumns(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.study = this.convertValues(source["study"], store.Study);
	        this.settings = this.convertValues(source["settings"], lca.Settings);
	        this.swedish = this.convertValues(source["swedish"], bbr.Settings);
	        this.finished = source["finished"];
	        this.total = source["total"];
	        this.rows = source["rows"];
	        this.allRows = source["allRows"];
	        this.texts = source["texts"];
	        this.fuelsUsed = source["fuelsUsed"];
	        this.weatherNames = source["weatherNames"];
	        this.variantId = source["variantId"];
	        this.key = source["key"];
	        this.label = source["label"];
	        this.name = source["name"];
	        this.elements = source["elements"];
	        this.choices = source["choices"];
	        this.areas = source["areas"];
	        this.measureIds = source["measureIds"];
	        this.measureNames = source["measureNames"];
	        this.measureChoices = source["measureChoices"];
	        this.baseline = source["baseline"];
	        this.weatherId = source["weatherId"];
	        this.runId = source["runId"];
	        this.status = source["status"];
	        this.kind = source["kind"];
	        this.message = source["message"];
	        this.headline = source["headline"];
	        this.cached = source["cached"];
	        this.hasResults = source["hasResults"];
	        this.totalSiteKWh = source["totalSiteKWh"];
	        this.netSiteKWh = source["netSiteKWh"];
	        this.totalSourceKWh = source["totalSourceKWh"];
	        this.totalAreaM2 = source["totalAreaM2"];
	        this.conditionedAreaM2 = source["conditionedAreaM2"];
	        this.euiKWhPerM2 = source["euiKWhPerM2"];
	        this.unmetHeatingHours = source["unmetHeatingHours"];
	        this.unmetCoolingHours = source["unmetCoolingHours"];
	        this.atemp = source["atemp"];
	        this.primaryEnergyNumber = source["primaryEnergyNumber"];
	        this.energyClass = source["energyClass"];
	        this.peakHeatingW = source["peakHeatingW"];
	        this.overheatingHours = source["overheatingHours"];
	        this.hasLca = source["hasLca"];
	        this.unchanged = source["unchanged"];
	        this.amounts = source["amounts"];
	        this.paybacks = source["paybacks"];
	        this.paretoCarbonCost = source["paretoCarbonCost"];
	        this.paretoEnergyEmbodied = source["paretoEnergyEmbodied"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StudyEstimate {
	    variants: number;
	    runs: number;
	    seconds: number;
	    hasTime: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StudyEstimate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.variants = source["variants"];
	        this.runs = source["runs"];
	        this.seconds = source["seconds"];
	        this.hasTime = source["hasTime"];
	    }
	}
	export class StudyInfo {
	    study: store.Study;
	    spec: study.Spec;
	    variants: number;
	    runs: store.Run[];
	    weather: store.Weather[];
	
	    static createFrom(source: any = {}) {
	        return new StudyInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.study = this.convertValues(source["study"], store.Study);
	        this.spec = this.convertValues(source["spec"], study.Spec);
	        this.variants = source["variants"];
	        this.runs = this.convertValues(source["runs"], store.Run);
	        this.weather = this.convertValues(source["weather"], store.Weather);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StudyImportReport {
	    path: string;
	    info: StudyInfo;
	    files: importsvc.ImportReport;
	    library: LibraryImportNote[];
	    resultsReused: number;
	
	    static createFrom(source: any = {}) {
	        return new StudyImportReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.info = this.convertValues(source["info"], StudyInfo);
	        this.files = this.convertValues(source["files"], importsvc.ImportReport);
	        this.library = this.convertValues(source["library"], LibraryImportNote);
	        this.resultsReused = source["resultsReused"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class VariantResult {
	    variantId: number;
	    key: string;
	    label: string;
	    name: string;
	    choices: {[key: string]: string};
	    measures?: {[key: string]: string};
	    baseline: boolean;
	    generation?: number;
	    weatherId: number;
	    weatherName: string;
	    runId: number;
	    status: sim.Status;
	    kind: sim.FailureKind;
	    message: string;
	    headline: string;
	    cached: boolean;
	    areas: {[key: string]: number};
	    results?: sim.Results;
	    lca?: lca.Result;
	    atemp?: number;
	    primaryEnergyNumber?: number;
	    energyClass: string;
	    peakHeatingW?: number;
	    overheatingHours?: number;
	    paretoCarbonCost: boolean;
	    paretoEnergyEmbodied: boolean;
	
	    static createFrom(source: any = {}) {
	        return new VariantResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.variantId = source["variantId"];
	        this.key = source["key"];
	        this.label = source["label"];
	        this.name = source["name"];
	        this.choices = source["choices"];
	        this.measures = source["measures"];
	        this.baseline = source["baseline"];
	        this.generation = source["generation"];
	        this.weatherId = source["weatherId"];
	        this.weatherName = source["weatherName"];
	        this.runId = source["runId"];
	        this.status = source["status"];
	        this.kind = source["kind"];
	        this.message = source["message"];
	        this.headline = source["headline"];
	        this.cached = source["cached"];
	        this.areas = source["areas"];
	        this.results = this.convertValues(source["results"], sim.Results);
	        this.lca = this.convertValues(source["lca"], lca.Result);
	        this.atemp = source["atemp"];
	        this.primaryEnergyNumber = source["primaryEnergyNumber"];
	        this.energyClass = source["energyClass"];
	        this.peakHeatingW = source["peakHeatingW"];
	        this.overheatingHours = source["overheatingHours"];
	        this.paretoCarbonCost = source["paretoCarbonCost"];
	        this.paretoEnergyEmbodied = source["paretoEnergyEmbodied"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StudyTable {
	    study: store.Study;
	    rows: VariantResult[];
	    settings: lca.Settings;
	    swedish: bbr.Settings;
	    finished: number;
	    total: number;
	    missingText?: string[];
	
	    static createFrom(source: any = {}) {
	        return new StudyTable(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.study = this.convertValues(source["study"], store.Study);
	        this.rows = this.convertValues(source["rows"], VariantResult);
	        this.settings = this.convertValues(source["settings"], lca.Settings);
	        this.swedish = this.convertValues(source["swedish"], bbr.Settings);
	        this.finished = source["finished"];
	        this.total = source["total"];
	        this.missingText = source["missingText"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class VariantDiff {
	    studyId: number;
	    variantId: number;
	    variant: string;
	    baseline: boolean;
	    baseModel: string;
	    variantModel: string;
	    diff: idfdiff.Diff;
	
	    static createFrom(source: any = {}) {
	        return new VariantDiff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.studyId = source["studyId"];
	        this.variantId = source["variantId"];
	        this.variant = source["variant"];
	        this.baseline = source["baseline"];
	        this.baseModel = source["baseModel"];
	        this.variantModel = source["variantModel"];
	        this.diff = this.convertValues(source["diff"], idfdiff.Diff);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace takeoff {
	
	export class ElementArea {
	    grossM2: number;
	    netM2: number;
	    byOrientation: {[key: string]: number};
	    constructions: {[key: string]: number};
	
	    static createFrom(source: any = {}) {
	        return new ElementArea(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.grossM2 = source["grossM2"];
	        this.netM2 = source["netM2"];
	        this.byOrientation = source["byOrientation"];
	        this.constructions = source["constructions"];
	    }
	}
	export class Surface {
	    name: string;
	    class: string;
	    type: string;
	    construction: string;
	    zone: string;
	    boundary: string;
	    parent: string;
	    element: string;
	    grossAreaM2: number;
	    netAreaM2: number;
	    frameAreaM2?: number;
	    frameAndDivider?: string;
	    azimuthDeg: number;
	    tiltDeg: number;
	    orientation: string;
	    multiplier: number;
	    line: number;
	
	    static createFrom(source: any = {}) {
	        return new Surface(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.class = source["class"];
	        this.type = source["type"];
	        this.construction = source["construction"];
	        this.zone = source["zone"];
	        this.boundary = source["boundary"];
	        this.parent = source["parent"];
	        this.element = source["element"];
	        this.grossAreaM2 = source["grossAreaM2"];
	        this.netAreaM2 = source["netAreaM2"];
	        this.frameAreaM2 = source["frameAreaM2"];
	        this.frameAndDivider = source["frameAndDivider"];
	        this.azimuthDeg = source["azimuthDeg"];
	        this.tiltDeg = source["tiltDeg"];
	        this.orientation = source["orientation"];
	        this.multiplier = source["multiplier"];
	        this.line = source["line"];
	    }
	}
	export class WallWindow {
	    grossWallM2: number;
	    windowM2: number;
	
	    static createFrom(source: any = {}) {
	        return new WallWindow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.grossWallM2 = source["grossWallM2"];
	        this.windowM2 = source["windowM2"];
	    }
	}
	export class Takeoff {
	    surfaces: Surface[];
	    wall: ElementArea;
	    roof: ElementArea;
	    groundFloor: ElementArea;
	    exposedFloor: ElementArea;
	    groundWall: ElementArea;
	    window: ElementArea;
	    skylight: ElementArea;
	    door: ElementArea;
	    windowWallRatio: number;
	    byFourWay: {[key: string]: WallWindow};
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new Takeoff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.surfaces = this.convertValues(source["surfaces"], Surface);
	        this.wall = this.convertValues(source["wall"], ElementArea);
	        this.roof = this.convertValues(source["roof"], ElementArea);
	        this.groundFloor = this.convertValues(source["groundFloor"], ElementArea);
	        this.exposedFloor = this.convertValues(source["exposedFloor"], ElementArea);
	        this.groundWall = this.convertValues(source["groundWall"], ElementArea);
	        this.window = this.convertValues(source["window"], ElementArea);
	        this.skylight = this.convertValues(source["skylight"], ElementArea);
	        this.door = this.convertValues(source["door"], ElementArea);
	        this.windowWallRatio = source["windowWallRatio"];
	        this.byFourWay = this.convertValues(source["byFourWay"], WallWindow, true);
	        this.warnings = source["warnings"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

