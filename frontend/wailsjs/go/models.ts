export namespace app {
	
	export enum EventName {
	    RunProgress = "run:progress",
	    RunStatus = "run:status",
	    ImportDone = "import:done",
	    QueueState = "queue:state",
	    SourceChanged = "source:changed",
	}
	export class ErrorGroup {
	    status: string;
	    message: string;
	    runIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new ErrorGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.message = source["message"];
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
	export class EngineStatus {
	    engine?: runner.Engine;
	    engines: runner.Engine[];
	    candidates: runner.Candidate[];
	    help: string;
	
	    static createFrom(source: any = {}) {
	        return new EngineStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.engine = this.convertValues(source["engine"], runner.Engine);
	        this.engines = this.convertValues(source["engines"], runner.Engine);
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
	
	export class SourceChanged {
	    kind: string;
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
	export class RunProgress {
	    runId: number;
	    status: string;
	    progress: runner.Progress;
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
	        this.progress = this.convertValues(source["progress"], runner.Progress);
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
	export class EventPayloads {
	    runProgress: RunProgress;
	    runStatus: RunStatus;
	    importReport: ImportReport;
	    queueState: runner.Snapshot;
	    sourceChanged: SourceChanged;
	
	    static createFrom(source: any = {}) {
	        return new EventPayloads(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runProgress = this.convertValues(source["runProgress"], RunProgress);
	        this.runStatus = this.convertValues(source["runStatus"], RunStatus);
	        this.importReport = this.convertValues(source["importReport"], ImportReport);
	        this.queueState = this.convertValues(source["queueState"], runner.Snapshot);
	        this.sourceChanged = this.convertValues(source["sourceChanged"], SourceChanged);
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
	    workers: number;
	    timeoutMinutes: number;
	    stallSeconds: number;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workers = source["workers"];
	        this.timeoutMinutes = source["timeoutMinutes"];
	        this.stallSeconds = source["stallSeconds"];
	    }
	}
	export class Overview {
	    dataDir: string;
	    engine: EngineStatus;
	    models: store.Model[];
	    weather: store.Weather[];
	    runs: store.Run[];
	    batches: BatchSummary[];
	    queue: runner.Snapshot;
	    settings: Settings;
	
	    static createFrom(source: any = {}) {
	        return new Overview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dataDir = source["dataDir"];
	        this.engine = this.convertValues(source["engine"], EngineStatus);
	        this.models = this.convertValues(source["models"], store.Model);
	        this.weather = this.convertValues(source["weather"], store.Weather);
	        this.runs = this.convertValues(source["runs"], store.Run);
	        this.batches = this.convertValues(source["batches"], BatchSummary);
	        this.queue = this.convertValues(source["queue"], runner.Snapshot);
	        this.settings = this.convertValues(source["settings"], Settings);
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
	export class RunDetails {
	    run: store.Run;
	    results?: runner.Results;
	
	    static createFrom(source: any = {}) {
	        return new RunDetails(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.run = this.convertValues(source["run"], store.Run);
	        this.results = this.convertValues(source["results"], runner.Results);
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
	    force: boolean;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new RunRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.modelIds = source["modelIds"];
	        this.weatherId = source["weatherId"];
	        this.weatherIds = source["weatherIds"];
	        this.forceAnnual = source["forceAnnual"];
	        this.force = source["force"];
	        this.name = source["name"];
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
	export class Snapshot {
	    workers: number;
	    paused: boolean;
	    queued: number[];
	    running: number[];
	
	    static createFrom(source: any = {}) {
	        return new Snapshot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workers = source["workers"];
	        this.paused = source["paused"];
	        this.queued = source["queued"];
	        this.running = source["running"];
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
	    enginePath: string;
	    engineVersion: string;
	    status: string;
	    progress: runner.Progress;
	    message: string;
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
	        this.enginePath = source["enginePath"];
	        this.engineVersion = source["engineVersion"];
	        this.status = source["status"];
	        this.progress = this.convertValues(source["progress"], runner.Progress);
	        this.message = source["message"];
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

